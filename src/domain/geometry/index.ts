export { contourAreaMm2, contourAreaPx2, contourSignedAreaPx2 } from './area';
export { contourPerimeterMm, contourPerimeterPx } from './perimeter';
export { contourCentroid } from './centroid';
export { findSelfIntersection, type SelfIntersection } from './selfIntersection';
export { ellipseFromDiameters, type EllipseMeasurement } from './ellipse';
export { removeRepeatedPoints, allPointsCollinear } from './repeatedPoints';
