import { describe, expect, it } from 'vitest';
import { serviceLevelTitle } from '../../scripts/site/layout.js';

describe('the site title names the area inside a sentence', () => {
  it('lower-cases the area’s first letter after »for«, but keeps an abbreviation', () => {
    expect(serviceLevelTitle('Børn og unge med særlige behov')).toBe('Serviceniveau for børn og unge med særlige behov');
    expect(serviceLevelTitle('PPR og specialundervisning')).toBe('Serviceniveau for PPR og specialundervisning');
    expect(serviceLevelTitle('Ø')).toBe('Serviceniveau for Ø');
  });
});
