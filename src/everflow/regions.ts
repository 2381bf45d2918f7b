// Everflow hosts each customer's data in one region; the key only works against that region's API.
export const REGIONS = {
  us: { label: 'United States', host: 'api.eflow.team' },
  eu: { label: 'Europe', host: 'api-eu.eflow.team' },
} as const;

export type Region = keyof typeof REGIONS;
export const REGION_IDS = Object.keys(REGIONS) as Region[];

export function apiBase(region: Region): string {
  return `https://${REGIONS[region].host}/v1`;
}
