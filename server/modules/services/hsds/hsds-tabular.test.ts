import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unguardCsvInjection } from '../../../../core/ctdc/csv-writer.ts';
import { readHsdsCsvPackage, writeHsdsCsvPackage } from './hsds-csv-package.ts';
import { locateIssue, tablesToDirectory } from './hsds-tabular.ts';
import type { THsdsDirectory } from './hsds.schemas.ts';

const ORG = '0fdfb57f-c147-4cfb-864c-44788a335d8c';
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const LOCATION = '3a19ff88-4620-4d17-9830-ac1d859eb5d5';

function directory(texts: { name: string; description: string; application: string }, latitude: number): THsdsDirectory {
  return {
    version: '3.0',
    organizations: [{
      id: ORG, name: texts.name, description: texts.description,
      services: [{ id: SERVICE, organization_id: ORG, name: texts.name, status: 'active', application_process: texts.application, minimum_age: 16 }],
      locations: [{
        id: LOCATION, organization_id: ORG, location_type: 'physical', name: texts.description, latitude,
        addresses: [{ id: LOCATION, location_id: LOCATION, address_1: texts.application, city: 'Town', state_province: '', postal_code: '', country: 'GB', address_type: 'physical' }],
      }],
    }],
  };
}

/** Text that breaks naive CSV: delimiters, quotes, line breaks, formula triggers, apostrophes, RTL. */
const nastyText = fc.stringMatching(/^[a-z ,;"'\r\n=+\-@\t0-9ابت]{1,30}$/).filter((s) => s.trim() !== '');

test('property: any text and number survives export as CSV and reading back, exactly', async () => {
  await fc.assert(fc.asyncProperty(fc.record({ name: nastyText, description: nastyText, application: nastyText }), fc.double({ min: -90, max: 90, noNaN: true }), async (texts, latitude) => {
    const { files, issues } = await readHsdsCsvPackage(await writeHsdsCsvPackage(directory(texts, latitude)));
    assert.deepEqual(issues, []);
    const read = tablesToDirectory(files, unguardCsvInjection);
    assert.deepEqual(read.issues, []);
    const organization = (read.document as THsdsDirectory).organizations[0]!;
    assert.equal(organization.name, texts.name);
    assert.equal(organization.description, texts.description);
    assert.equal(organization.services![0]!.application_process, texts.application);
    assert.equal(organization.services![0]!.minimum_age, 16);
    assert.equal(organization.locations![0]!.latitude, Object.is(latitude, -0) ? 0 : latitude);
    assert.deepEqual(organization.locations![0]!.addresses![0], directory(texts, latitude).organizations[0]!.locations![0]!.addresses![0]);
  }), { numRuns: 60 });
});

test('a problem found in the rebuilt document is reported at the file, row and column it came from', async () => {
  const { files } = await readHsdsCsvPackage(await writeHsdsCsvPackage(directory({ name: 'A', description: 'B', application: 'C' }, 1)));
  const read = tablesToDirectory(files, unguardCsvInjection);
  assert.deepEqual(locateIssue('body.organizations.0.services.0.maximum_age', 'm', read.sources), { file: 'services.csv', row: 2, column: 'maximum_age', message: 'm' });
  assert.deepEqual(locateIssue('body.organizations.0.locations.0.addresses.0.country', 'm', read.sources), { file: 'addresses.csv', row: 2, column: 'country', message: 'm' });
  assert.deepEqual(locateIssue('body.organizations.0.services.0.attributes', 'm', read.sources), { file: 'services.csv', row: 2, column: null, message: 'm' });
  assert.deepEqual(locateIssue('body.organizations.0.name', 'm', read.sources), { file: 'organizations.csv', row: 2, column: 'name', message: 'm' });
});
