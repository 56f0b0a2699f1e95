import { useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';
import { ErrorAlert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { CheckboxField, CheckboxGroup } from '../../components/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/field.tsx';
import { FormShell } from '../../components/form-shell.tsx';
import { useForm, useValidators } from '../../components/form.ts';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useProtectionTranslation } from './i18n.ts';
import { splitCodes, useLabels } from './labels.ts';
import {
  downloadDirectoryCsv, exportDirectory, orgPath, protectionKeys, useCreateDirectoryOrganization, useCreateLocation, useCreateService, useImportDirectory, useImportDirectoryCsv, useLinkLocation, useOwnDirectory, useService, useServices,
} from './queries.ts';
import { ELIGIBLE_SEXES, LOCATION_TYPES, SERVICE_KINDS, SERVICE_STATUSES, type TImportResult, type TServiceView } from './types.ts';
import './protection.css';
import { blockingError } from '../../components/errors.ts';

export function ServicesPage() {
  return <RequireOrg>{(active) => <Directory key={active.organisation.id} active={active} />}</RequireOrg>;
}

/** The deployment's service directory, filterable; the organisation's own entries and HSDS import/export for `service.manage`. */
function Directory({ active }: { active: TActiveOrganisation }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const orgId = active.organisation.id;
  const [kind, setKind] = useState('');
  const [language, setLanguage] = useState('');
  const [q, setQ] = useState('');
  const [hasCapacity, setHasCapacity] = useState(false);
  const services = useServices(orgId, { kind, language: /^[a-z]{2,3}$/i.test(language.trim()) ? language : '', q, hasCapacity });
  const canManage = active.permissions.includes('service.manage');

  if (!active.permissions.includes('service.read')) {
    return (
      <Page title={t('directory.title')}>
        <p>{t('directory.notAllowed')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('directory.title')} intro={t('directory.intro')}>
      <form className="protection-filters" role="search" aria-label={t('directory.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField id="services-kind" label={t('directory.kind')} value={kind} onChange={(e) => setKind(e.target.value)}
          options={[{ value: '', label: t('directory.anyKind') }, ...SERVICE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]} />
        <TextField id="services-language" label={t('directory.language')} hint={t('directory.languageHint')} value={language} onChange={(e) => setLanguage(e.target.value)} maxLength={3} />
        <TextField id="services-q" label={t('directory.search')} value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} />
        <CheckboxField id="services-capacity" label={t('directory.hasCapacity')} checked={hasCapacity} onChange={setHasCapacity} />
      </form>
      <ErrorAlert error={services.error} />
      {services.isPending && <p className="muted">{t('common.loading')}</p>}
      {services.data && (services.data.length === 0 ? <p role="status">{t('directory.empty')}</p> : <ServiceList services={services.data} />)}
      {canManage && <OwnDirectory orgId={orgId} />}
      <HsdsExchange orgId={orgId} canManage={canManage} />
    </Page>
  );
}

function ServiceList({ services }: { services: TServiceView[] }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="sr-only">{t('directory.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory.service')}</th>
            <th scope="col">{t('directory.provider')}</th>
            <th scope="col">{t('directory.kinds')}</th>
            <th scope="col">{t('directory.languages')}</th>
            <th scope="col">{t('directory.eligibility')}</th>
            <th scope="col">{t('directory.capacity')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <td data-label={t('directory.service')}>
                <Link to={`/services/${s.id}`}>
                  <bdi>{s.name}</bdi>
                </Link>
              </td>
              <td data-label={t('directory.provider')}>
                <bdi>{s.providerOrgName}</bdi>
              </td>
              <td data-label={t('directory.kinds')}>{s.kinds.map(labels.kind).join(', ')}</td>
              <td data-label={t('directory.languages')}>{s.languages.join(', ') || '—'}</td>
              <td data-label={t('directory.eligibility')}>
                <Eligibility service={s} />
              </td>
              <td data-label={t('directory.capacity')}>{capacityText(s, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function capacityText(s: TServiceView, t: ReturnType<typeof useProtectionTranslation>['t']): string {
  if (s.capacity.available === null && s.capacity.maximum === null) return '—';
  return t('directory.places', { available: String(s.capacity.available ?? '?'), maximum: String(s.capacity.maximum ?? '?') });
}

function Eligibility({ service }: { service: TServiceView }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const e = service.eligibility;
  const parts: string[] = [];
  if (e.sexes.length) parts.push(e.sexes.map(labels.sex).join(', '));
  if (e.minimumAge !== null || e.maximumAge !== null) parts.push(t('directory.ages', { min: String(e.minimumAge ?? 0), max: String(e.maximumAge ?? '…') }));
  if (e.nationalities.length) parts.push(e.nationalities.join(', '));
  return <>{parts.length ? parts.join(' · ') : t('directory.everyone')}</>;
}

export function ServicePage({ serviceId }: { serviceId: string }) {
  return <RequireOrg>{(active) => <ServiceDetail key={active.organisation.id} active={active} serviceId={serviceId} />}</RequireOrg>;
}

function ServiceDetail({ active, serviceId }: { active: TActiveOrganisation; serviceId: string }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const orgId = active.organisation.id;
  const query = useService(orgId, serviceId);
  if (query.isPending) return <Page title={t('directory.service')}><p className="muted">{t('common.loading')}</p></Page>;
  const blocking = blockingError(query);
  if (blocking || query.data === undefined) return <Page title={t('directory.service')}><ErrorAlert error={blocking} /></Page>;
  const s = query.data;
  const own = s.providerOrgId === orgId;
  return (
    <Page title={s.name} intro={<bdi>{s.providerOrgName}</bdi>}>
      <p>
        <Link to="/services">{t('directory.back')}</Link>
      </p>
      <dl className="protection-facts">
        <dt>{t('directory.status')}</dt>
        <dd>{labels.serviceStatus(s.status)}</dd>
        <dt>{t('directory.kinds')}</dt>
        <dd>{s.kinds.map(labels.kind).join(', ')}</dd>
        <dt>{t('directory.languages')}</dt>
        <dd>{s.languages.join(', ') || '—'}</dd>
        <dt>{t('directory.eligibility')}</dt>
        <dd>
          <Eligibility service={s} />
          {s.eligibility.description && <> — <bdi>{s.eligibility.description}</bdi></>}
        </dd>
        <dt>{t('directory.capacity')}</dt>
        <dd>{capacityText(s, t)}</dd>
        {s.description && (<><dt>{t('forms.description')}</dt><dd><bdi>{s.description}</bdi></dd></>)}
        {s.applicationProcess && (<><dt>{t('forms.applicationProcess')}</dt><dd><bdi>{s.applicationProcess}</bdi></dd></>)}
        {s.email && (<><dt>{t('forms.email')}</dt><dd><bdi>{s.email}</bdi></dd></>)}
      </dl>
      <Section id="service-locations" title={t('directory.locations')}>
        {s.locations.length === 0 && <p>{t('directory.noLocations')}</p>}
        <ul className="protection-list">
          {s.locations.map((l) => (
            <li key={l.serviceAtLocationId}>
              {l.isWithheld ? (
                <p>{t('directory.withheld')}</p>
              ) : (
                <p>
                  <strong><bdi>{l.name ?? labels.locationType(l.locationType)}</bdi></strong>
                  {l.isConfidential && <> <span className="badge">{t('directory.confidential')}</span></>}
                  {l.address && (<><br /><bdi>{[l.address.address1, l.address.address2, l.address.postalCode, l.address.city, l.address.country].filter(Boolean).join(', ')}</bdi></>)}
                </p>
              )}
            </li>
          ))}
        </ul>
        {own && active.permissions.includes('service.manage') && <LinkLocationForm orgId={orgId} service={s} />}
      </Section>
    </Page>
  );
}

function LinkLocationForm({ orgId, service }: { orgId: string; service: TServiceView }) {
  const { t } = useProtectionTranslation();
  const own = useOwnDirectory(orgId);
  const link = useLinkLocation(orgId, service.id);
  const { required } = useValidators();
  const form = useForm({ initial: { locationId: '' }, issuePaths: { locationId: 'locationId' } });
  const linked = new Set(service.locations.map((l) => l.id));
  const options = (own.data?.locations ?? []).filter((l) => !linked.has(l.id) && l.organizationId === service.organization.id).map((l) => ({ value: l.id, label: l.name ?? l.id }));
  if (options.length === 0) return null;
  return (
    <FormShell form={form} label={t('forms.linkLocation')} error={link.error} busy={link.isPending} submitLabel={t('forms.linkLocation')} busyLabel={t('common.saving')}
      onSubmit={() => {
        if (!form.check({ locationId: required(form.values.locationId) })) return;
        link.mutate({ locationId: form.values.locationId, description: null }, { onSuccess: () => form.reset(), onError: form.showServerErrors });
      }}>
      <SelectField id="link-location" label={t('forms.location')} placeholder={t('common.choose')} options={options} {...form.bind('locationId')} />
    </FormShell>
  );
}

/** The organisation's own directory: provider entries, locations (confidential ones in full) and the forms to add them. */
function OwnDirectory({ orgId }: { orgId: string }) {
  const { t } = useProtectionTranslation();
  const own = useOwnDirectory(orgId);
  const organizations = own.data?.organizations ?? [];
  const locations = own.data?.locations ?? [];
  return (
    <Section id="own-directory" title={t('own.title')}>
      <ErrorAlert error={own.error} />
      <p>{t('own.counts', { organizations: String(organizations.length), locations: String(locations.length), services: String(own.data?.services.length ?? 0) })}</p>
      <details className="disclosure">
        <summary>{t('forms.addOrganization')}</summary>
        <OrganizationForm orgId={orgId} />
      </details>
      {organizations.length > 0 && (
        <details className="disclosure">
          <summary>{t('forms.addLocation')}</summary>
          <LocationForm orgId={orgId} organizations={organizations} />
        </details>
      )}
      {organizations.length > 0 && (
        <details className="disclosure">
          <summary>{t('forms.addService')}</summary>
          <ServiceForm orgId={orgId} organizations={organizations} locations={locations} />
        </details>
      )}
    </Section>
  );
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function OrganizationForm({ orgId }: { orgId: string }) {
  const { t } = useProtectionTranslation();
  const create = useCreateDirectoryOrganization(orgId);
  const { required } = useValidators();
  const [done, setDone] = useState('');
  const form = useForm({ initial: { name: '', description: '', email: '', website: '' }, issuePaths: { name: 'name', description: 'description', email: 'email', website: 'website' } });
  return (
    <FormShell form={form} label={t('forms.addOrganization')} error={create.error} busy={create.isPending} submitLabel={t('forms.addOrganization')} busyLabel={t('common.saving')}
      before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        if (!form.check({ name: required(form.values.name), description: required(form.values.description) })) return;
        create.mutate(
          { name: form.values.name.trim(), alternateName: null, description: form.values.description.trim(), email: orNull(form.values.email), website: orNull(form.values.website) },
          { onSuccess: () => { setDone(t('forms.saved')); form.reset(); }, onError: form.showServerErrors },
        );
      }}>
      <TextField id="org-name" label={t('forms.organizationName')} {...form.bind('name')} />
      <TextAreaField id="org-description" label={t('forms.description')} rows={3} {...form.bind('description')} />
      <TextField id="org-email" type="email" label={t('forms.emailOptional')} {...form.bind('email')} />
      <TextField id="org-website" type="url" label={t('forms.websiteOptional')} {...form.bind('website')} />
    </FormShell>
  );
}

function LocationForm({ orgId, organizations }: { orgId: string; organizations: { id: string; name: string }[] }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const create = useCreateLocation(orgId);
  const { required } = useValidators();
  const [confidential, setConfidential] = useState(false);
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { organizationId: organizations[0]?.id ?? '', locationType: 'physical', name: '', address1: '', city: '', country: '', languages: '' },
    issuePaths: { organizationId: 'organizationId', locationType: 'locationType', name: 'name', 'address.address1': 'address1', 'address.city': 'city', 'address.country': 'country', languages: 'languages' },
  });
  const v = form.values;
  return (
    <FormShell form={form} label={t('forms.addLocation')} error={create.error} busy={create.isPending} submitLabel={t('forms.addLocation')} busyLabel={t('common.saving')}
      before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        const hasAddress = Boolean(v.address1.trim() || v.city.trim() || v.country.trim());
        const errors = {
          organizationId: required(v.organizationId),
          address1: hasAddress ? required(v.address1) : undefined,
          city: hasAddress ? required(v.city) : undefined,
          country: hasAddress && !/^[A-Za-z]{2}$/.test(v.country.trim()) ? t('forms.countryCode') : undefined,
        };
        if (!form.check(errors)) return;
        create.mutate(
          {
            organizationId: v.organizationId, locationType: v.locationType, isConfidential: confidential, name: orNull(v.name), description: null,
            address: hasAddress ? { address1: v.address1.trim(), address2: null, city: v.city.trim(), stateProvince: null, postalCode: null, country: v.country.trim().toUpperCase() } : null,
            latitude: null, longitude: null, languages: splitCodes(v.languages),
          },
          { onSuccess: () => { setDone(t('forms.saved')); form.reset(); setConfidential(false); }, onError: form.showServerErrors },
        );
      }}>
      <SelectField id="loc-org" label={t('forms.provider')} options={organizations.map((o) => ({ value: o.id, label: o.name }))} {...form.bind('organizationId')} />
      <SelectField id="loc-type" label={t('forms.locationType')} options={LOCATION_TYPES.map((l) => ({ value: l, label: labels.locationType(l) }))} {...form.bind('locationType')} />
      <CheckboxField id="loc-confidential" label={t('forms.confidential')} hint={t('forms.confidentialHint')} checked={confidential} onChange={setConfidential} />
      <TextField id="loc-name" label={t('forms.locationName')} {...form.bind('name')} />
      <TextField id="loc-address1" label={t('forms.address1')} {...form.bind('address1')} />
      <TextField id="loc-city" label={t('forms.city')} {...form.bind('city')} />
      <TextField id="loc-country" label={t('forms.country')} hint={t('forms.countryCode')} maxLength={2} {...form.bind('country')} />
      <TextField id="loc-languages" label={t('forms.languages')} hint={t('forms.languagesHint')} {...form.bind('languages')} />
    </FormShell>
  );
}

function ServiceForm({ orgId, organizations, locations }: { orgId: string; organizations: { id: string; name: string }[]; locations: { id: string; name: string | null; organizationId: string }[] }) {
  const { t } = useProtectionTranslation();
  const labels = useLabels();
  const create = useCreateService(orgId);
  const { required } = useValidators();
  const [kinds, setKinds] = useState<string[]>([]);
  const [kindsError, setKindsError] = useState<string | undefined>();
  const [sexes, setSexes] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const form = useForm({
    initial: { organizationId: organizations[0]?.id ?? '', name: '', description: '', status: 'active', languages: '', minimumAge: '', maximumAge: '', nationalities: '', maximum: '', available: '', locationId: '' },
    issuePaths: {
      organizationId: 'organizationId', name: 'name', description: 'description', status: 'status', languages: 'languages', 'eligibility.minimumAge': 'minimumAge', 'eligibility.maximumAge': 'maximumAge',
      'eligibility.nationalities': 'nationalities', 'capacity.maximum': 'maximum', 'capacity.available': 'available', locationId: 'locationId',
    },
  });
  const v = form.values;
  const int = (value: string) => (value.trim() === '' ? null : Number(value));
  const intError = (value: string) => (value.trim() === '' || /^\d+$/.test(value.trim()) ? undefined : t('forms.wholeNumber'));
  const link = useLinkLocationAfterCreate(orgId);
  return (
    <FormShell form={form} label={t('forms.addService')} error={create.error ?? link.error} busy={create.isPending || link.isPending} submitLabel={t('forms.addService')} busyLabel={t('common.saving')}
      before={<StatusMessage>{done}</StatusMessage>}
      onSubmit={() => {
        const errors = { name: required(v.name), minimumAge: intError(v.minimumAge), maximumAge: intError(v.maximumAge), maximum: intError(v.maximum), available: intError(v.available) };
        const noKinds = kinds.length === 0 ? t('forms.chooseKind') : undefined;
        setKindsError(noKinds);
        if (!form.check(errors) || noKinds) return;
        create.mutate(
          {
            organizationId: v.organizationId, name: v.name.trim(), alternateName: null, description: orNull(v.description), url: null, email: null, status: v.status, kinds,
            eligibility: { sexes, minimumAge: int(v.minimumAge), maximumAge: int(v.maximumAge), nationalities: splitCodes(v.nationalities, true), description: null },
            languages: splitCodes(v.languages), capacity: { maximum: int(v.maximum), available: int(v.available) },
            interpretationServices: null, applicationProcess: null, feesDescription: null,
          },
          {
            onSuccess: ({ service }) => {
              const finish = () => { setDone(t('forms.serviceSaved', { name: service.name })); form.reset(); setKinds([]); setSexes([]); };
              if (v.locationId) link.mutate({ serviceId: service.id, locationId: v.locationId }, { onSuccess: finish });
              else finish();
            },
            onError: form.showServerErrors,
          },
        );
      }}>
      <SelectField id="svc-org" label={t('forms.provider')} options={organizations.map((o) => ({ value: o.id, label: o.name }))} {...form.bind('organizationId')} />
      <TextField id="svc-name" label={t('forms.serviceName')} {...form.bind('name')} />
      <TextAreaField id="svc-description" label={t('forms.descriptionOptional')} rows={3} {...form.bind('description')} />
      <SelectField id="svc-status" label={t('directory.status')} options={SERVICE_STATUSES.map((s) => ({ value: s, label: labels.serviceStatus(s) }))} {...form.bind('status')} />
      <CheckboxGroup id="svc-kinds" legend={t('directory.kinds')} error={kindsError} values={kinds} onChange={setKinds} options={SERVICE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
      <TextField id="svc-languages" label={t('forms.languages')} hint={t('forms.languagesHint')} {...form.bind('languages')} />
      <CheckboxGroup id="svc-sexes" legend={t('forms.sexes')} hint={t('forms.sexesHint')} layout="inline" values={sexes} onChange={setSexes} options={ELIGIBLE_SEXES.map((s) => ({ value: s, label: labels.sex(s) }))} />
      <div className="protection-row">
        <TextField id="svc-min-age" label={t('forms.minimumAge')} inputMode="numeric" {...form.bind('minimumAge')} />
        <TextField id="svc-max-age" label={t('forms.maximumAge')} inputMode="numeric" {...form.bind('maximumAge')} />
      </div>
      <TextField id="svc-nationalities" label={t('forms.nationalities')} hint={t('forms.nationalitiesHint')} {...form.bind('nationalities')} />
      <div className="protection-row">
        <TextField id="svc-maximum" label={t('forms.maximumPlaces')} inputMode="numeric" {...form.bind('maximum')} />
        <TextField id="svc-available" label={t('forms.availablePlaces')} inputMode="numeric" {...form.bind('available')} />
      </div>
      {locations.length > 0 && (
        <SelectField id="svc-location" label={t('forms.atLocation')} options={[{ value: '', label: t('forms.noLocation') }, ...locations.map((l) => ({ value: l.id, label: l.name ?? l.id }))]} {...form.bind('locationId')} />
      )}
    </FormShell>
  );
}

function useLinkLocationAfterCreate(orgId: string) {
  // The service id is known only once it is created, so it travels with the variables.
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { serviceId: string; locationId: string }) =>
      api.post(orgPath(orgId, `/services/${seg(vars.serviceId)}/locations`), { locationId: vars.locationId, description: null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: protectionKeys.all(orgId) }),
  });
}

/**
 * HSDS 3.0 export and import, as a JSON file or as the specification's tabular data package (a
 * ZIP of CSV files); every problem of an import is listed with its place in the file.
 */
function HsdsExchange({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const { t } = useProtectionTranslation();
  const importing = useImportDirectory(orgId);
  const importingCsv = useImportDirectoryCsv(orgId);
  const [exportError, setExportError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [readError, setReadError] = useState('');
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setExportError(null);
    try {
      await work();
    } catch (error) {
      setExportError(error);
    } finally {
      setBusy(false);
    }
  }
  const download = (scope: 'own' | 'all') => run(async () => {
    const data = await exportDirectory(orgId, scope);
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `hsds-directory-${scope}.json`;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setReadError('');
    importingCsv.reset();
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setReadError(t('hsds.notJson'));
      return;
    }
    importing.mutate(json);
  }
  function uploadCsv(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setReadError('');
    importing.reset();
    importingCsv.mutate(file);
  }
  return (
    <Section id="hsds" title={t('hsds.title')}>
      <p>{t('hsds.intro')}</p>
      <div className="form__actions">
        <Button variant="secondary" busy={busy} busyLabel={t('common.working')} onClick={() => void download('own')}>{t('hsds.exportOwn')}</Button>
        <Button variant="secondary" busy={busy} busyLabel={t('common.working')} onClick={() => void download('all')}>{t('hsds.exportAll')}</Button>
      </div>
      <p>{t('hsds.csvIntro')}</p>
      <div className="form__actions">
        <Button variant="secondary" busy={busy} busyLabel={t('common.working')} onClick={() => void run(() => downloadDirectoryCsv(orgId, 'own'))}>{t('hsds.exportOwnCsv')}</Button>
        <Button variant="secondary" busy={busy} busyLabel={t('common.working')} onClick={() => void run(() => downloadDirectoryCsv(orgId, 'all'))}>{t('hsds.exportAllCsv')}</Button>
      </div>
      <ErrorAlert error={exportError} />
      {canManage && (
        <>
          <div className="field">
            <label className="field__label" htmlFor="hsds-file">{t('hsds.importLabel')}</label>
            <p className="field__hint" id="hsds-file-hint">{t('hsds.importHint')}</p>
            <input id="hsds-file" type="file" accept="application/json,.json" aria-describedby="hsds-file-hint" onChange={(e) => void upload(e)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="hsds-csv-file">{t('hsds.importCsvLabel')}</label>
            <p className="field__hint" id="hsds-csv-file-hint">{t('hsds.importCsvHint')}</p>
            <input id="hsds-csv-file" type="file" accept="application/zip,.zip" aria-describedby="hsds-csv-file-hint" onChange={uploadCsv} />
          </div>
        </>
      )}
      {readError && <p className="status status--error" role="alert">{readError}</p>}
      <ImportOutcome mutation={importing} />
      <ImportOutcome mutation={importingCsv} />
    </Section>
  );
}

/** What an import gave: the summary, or every problem with its place (path, or file:row:column). */
function ImportOutcome({ mutation }: { mutation: { isPending: boolean; data?: TImportResult | undefined; error: unknown } }) {
  const { t } = useProtectionTranslation();
  const issues = importIssues(mutation.error);
  return (
    <>
      {mutation.isPending && <p role="status">{t('common.working')}</p>}
      {mutation.data && (
        <StatusMessage>
          {t('hsds.imported', { created: String(mutation.data.created), updated: String(mutation.data.updated), services: String(mutation.data.services) })}
        </StatusMessage>
      )}
      {mutation.error !== null && (issues.length > 0 ? (
        <div role="alert" className="status status--error">
          <p>{t('hsds.issues', { count: issues.length })}</p>
          <ul>
            {issues.map((issue, i) => (
              <li key={i}>
                <code dir="ltr">{issue.path}</code>: <bdi>{issue.message}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : <ErrorAlert error={mutation.error} />)}
    </>
  );
}

function importIssues(error: unknown): { path: string; message: string }[] {
  const details = (error as { details?: { issues?: unknown } } | null)?.details;
  const issues = details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((i: { path?: unknown; message?: unknown }) => ({ path: Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? ''), message: String(i.message ?? '') }));
}

