export { sideFromLaterality, type LateralityTags, type LateralitySide } from './laterality';
export {
  imagePointToPatient,
  sideFromPatientCoordinates,
  type PatientGeometry,
  type PatientPoint,
  type InferredSide,
} from './patientCoordinates';
