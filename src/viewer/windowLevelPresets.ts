/** Window/level presets offered per modality (width, centre in stored-value units after rescale). */
export interface WindowLevelPreset {
  readonly label: string;
  readonly windowWidth: number;
  readonly windowCenter: number;
}

const ULTRASOUND: WindowLevelPreset[] = [
  { label: 'Full range', windowWidth: 256, windowCenter: 128 },
  { label: 'High contrast', windowWidth: 160, windowCenter: 110 },
  { label: 'Dark tissue', windowWidth: 200, windowCenter: 80 },
];

// MR intensities are scanner-relative; these suit the 12-bit sample series and are a starting point.
const MR: WindowLevelPreset[] = [
  { label: 'Soft tissue', windowWidth: 1600, windowCenter: 800 },
  { label: 'Nerve (bright)', windowWidth: 1000, windowCenter: 1400 },
  { label: 'Wide', windowWidth: 4000, windowCenter: 2000 },
];

export function windowLevelPresets(modality: string | null | undefined): WindowLevelPreset[] {
  return modality === 'MR' ? MR : ULTRASOUND;
}
