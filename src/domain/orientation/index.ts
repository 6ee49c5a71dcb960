export { orientationMarkers, directionLabel, type OrientationMarkers } from './orientationMarkers';
