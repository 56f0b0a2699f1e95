import { useState } from 'react';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link, navigate } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useProgrammesTranslation } from './i18n.ts';
import { AssessmentForm } from './assessment-form.tsx';
import { ComputedIndicatorForm, ManualIndicatorForm, ManualValues } from './indicator-forms.tsx';
import { currentYear, PERIOD_PATTERN } from './labels.ts';
import { useProgramme } from './queries.ts';
import type { TIndicator, TNode, TProgrammeDetail } from './types.ts';
import './programmes.css';

/** `/programmes/:programmeId`: the results framework with its indicators, needs assessments, and the way to the reports. */
export function ProgrammePage({ programmeId }: { programmeId: string }) {
  return <RequireOrg>{(active) => <Programme key={active.organisation.id} active={active} programmeId={programmeId} />}</RequireOrg>;
}

function Programme({ active, programmeId }: { active: TActiveOrganisation; programmeId: string }) {
  const { t } = useProgrammesTranslation();
  const orgId = active.organisation.id;
  const detail = useProgramme(orgId, programmeId);
  const can = (permission: string) => active.permissions.includes(permission as never);
  if (!detail.data) {
    return (
      <Page title={t('list.title')}>
        <ErrorAlert error={detail.error} />
        {detail.isPending && <p className="muted">{t('common.loading')}</p>}
      </Page>
    );
  }
  const data = detail.data;
  return (
    <Page title={data.programme.name} intro={`${t(`kinds.${data.programme.kind}`)} · ${data.programme.startsOn} – ${data.programme.endsOn}`}>
      <p><Link to="/programmes">{t('programme.back')}</Link></p>
      <ReportPicker programmeId={programmeId} />
      <Section id="programme-framework" title={t('programme.framework')}>
        <Framework data={data} orgId={orgId} programmeId={programmeId} canManage={can('programme.manage')} canApprove={can('programme.approve')} />
      </Section>
      {can('programme.manage') && (
        <>
          <Section id="programme-add-computed" title={t('indicator.addComputed')}>
            <ComputedIndicatorForm orgId={orgId} programmeId={programmeId} nodes={data.nodes} />
          </Section>
          <Section id="programme-add-manual" title={t('indicator.addManual')}>
            <ManualIndicatorForm orgId={orgId} programmeId={programmeId} nodes={data.nodes} />
          </Section>
        </>
      )}
      <Section id="programme-assessments" title={t('assessments.title')}>
        <Assessments data={data} />
        {can('programme.manage') && (
          <details className="disclosure">
            <summary>{t('assessments.record')}</summary>
            <AssessmentForm orgId={orgId} programmeId={programmeId} nodes={data.nodes} />
          </details>
        )}
      </Section>
    </Page>
  );
}

function ReportPicker({ programmeId }: { programmeId: string }) {
  const { t } = useProgrammesTranslation();
  const [period, setPeriod] = useState(currentYear());
  const isValid = PERIOD_PATTERN.test(period);
  return (
    <form className="form programme-report-picker" noValidate aria-label={t('programme.report')}
      onSubmit={(event) => { event.preventDefault(); if (isValid) navigate(`/programmes/${programmeId}/reports/${period}`); }}>
      <TextField id="report-period" label={t('report.period')} hint={t('report.periodHint')} dir="ltr" value={period} error={isValid ? undefined : t('report.periodInvalid')} onChange={(e) => setPeriod(e.target.value.trim())} />
      <div className="form__actions"><button type="submit" className="button">{t('programme.openReport')}</button></div>
    </form>
  );
}

function Framework({ data, orgId, programmeId, canManage, canApprove }: { data: TProgrammeDetail; orgId: string; programmeId: string; canManage: boolean; canApprove: boolean }) {
  const { t } = useProgrammesTranslation();
  const children = (parentId: string | null) => data.nodes.filter((n) => n.parentId === parentId);
  const renderNode = (node: TNode) => (
    <li key={node.id} className={`framework-node framework-node--${node.level}`}>
      <p className="framework-node__title"><span className="framework-node__level">{t(`levels.${node.level}`)} <bdi dir="ltr">{node.code}</bdi></span> <bdi>{node.title}</bdi></p>
      <ul className="indicator-list">
        {data.indicators.filter((i) => i.nodeId === node.id).map((indicator) => (
          <IndicatorItem key={indicator.id} indicator={indicator} orgId={orgId} programmeId={programmeId} canManage={canManage} canApprove={canApprove} />
        ))}
      </ul>
      {children(node.id).length > 0 && <ul className="framework">{children(node.id).map(renderNode)}</ul>}
    </li>
  );
  return <ul className="framework">{children(null).map(renderNode)}</ul>;
}

function IndicatorItem({ indicator, orgId, programmeId, canManage, canApprove }: { indicator: TIndicator; orgId: string; programmeId: string; canManage: boolean; canApprove: boolean }) {
  const { t } = useProgrammesTranslation();
  return (
    <li className="indicator" data-indicator={indicator.code}>
      <strong><bdi dir="ltr">{indicator.code}</bdi> <bdi>{indicator.name}</bdi></strong>
      <span className="muted"> · {t(`units.${indicator.unit}`)} · {t(`frequencies.${indicator.frequency}`)} · {t(`directions.${indicator.direction}`)}</span>
      <p className="muted">
        {indicator.definition.kind === 'computed' ? t('indicator.computedFrom', { metric: indicator.definition.metric }) : t('indicator.manualSource')}
        {indicator.baseline !== null && <> · {t('indicator.baselineIs', { value: indicator.baseline })}</>}
        {indicator.targets.map((target) => <span key={target.period}> · {t('indicator.targetIs', { period: target.period, value: target.value })}</span>)}
      </p>
      {indicator.kind === 'manual' && <ManualValues orgId={orgId} programmeId={programmeId} indicator={indicator} canManage={canManage} canApprove={canApprove} />}
    </li>
  );
}

function Assessments({ data }: { data: TProgrammeDetail }) {
  const { t } = useProgrammesTranslation();
  if (data.assessments.length === 0) return <p>{t('assessments.empty')}</p>;
  const outcome = (id: string) => data.nodes.find((n) => n.id === id)?.code ?? '';
  return (
    <ul className="assessment-list">
      {data.assessments.map((a) => (
        <li key={a.id}>
          <strong>{t(`assessments.scopes.${a.scope}`)}: <bdi>{a.area}</bdi></strong> · <bdi dir="ltr">{a.assessedOn}</bdi>
          <ul>
            {a.findings.map((f, i) => (
              <li key={i}>
                {t(`assessments.categories.${f.category}`)} ({t(`assessments.severities.${f.severity}`)}): <bdi>{f.summary}</bdi>
                {f.outcomeIds.length > 0 && <> → <bdi dir="ltr">{f.outcomeIds.map(outcome).join(', ')}</bdi></>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
