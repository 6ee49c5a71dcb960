export { sideFromLaterality, type LateralityTags, type LateralitySide } from './laterality';
export {
  imagePointToPatient,
  sideFromPatientCoordinates,
  isNearAxial,
  NEAR_AXIAL_TOLERANCE_DEGREES,
  type PatientGeometry,
  type PatientPoint,
  type InferredSide,
} from './patientCoordinates';
