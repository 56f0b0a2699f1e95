import { useState } from 'react';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Page, Section } from '../../components/page.tsx';
import { RequireOrg } from '../../components/require-org.tsx';
import { Link, navigate } from '../../router.tsx';
import type { TActiveOrganisation } from '../session/active-org.tsx';
import { useProgrammesTranslation } from './i18n.ts';
import { AssessmentForm } from './assessment-form.tsx';
import { ComputedIndicatorForm } from './computed-indicator-form.tsx';
import { IndicatorEditForm, TargetEditor } from './indicator-editor.tsx';
import { ManualIndicatorForm, ManualValues } from './indicator-forms.tsx';
import { currentYear, PERIOD_PATTERN, pickLabel } from './labels.ts';
import { AddNodeForm, NodeEditForm } from './node-forms.tsx';
import { ArchiveProgramme, ProgrammeEditForm, RestoreProgramme } from './programme-editor.tsx';
import { useMetricChoices, useProgramme } from './queries.ts';
import { RatioIndicatorForm } from './ratio-indicator-form.tsx';
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
  // An archived programme stays readable; the server refuses every change to it.
  const isArchived = data.programme.archivedAt !== null;
  const canManage = can('programme.manage') && !isArchived;
  return (
    <Page title={data.programme.name} intro={`${t(`kinds.${data.programme.kind}`)} · ${data.programme.startsOn} – ${data.programme.endsOn}`}>
      <p><Link to="/programmes">{t('programme.back')}</Link></p>
      {isArchived && <p className="programme-archived" role="note">{t('archive.archivedOn', { date: data.programme.archivedAt!.slice(0, 10) })}</p>}
      {isArchived && can('programme.manage') && <RestoreProgramme orgId={orgId} programme={data.programme} />}
      {data.programme.description && <p className="programme-description"><bdi>{data.programme.description}</bdi></p>}
      {canManage && (
        <details className="disclosure programme-edit">
          <summary>{t('edit.openProgramme')}</summary>
          <ProgrammeEditForm orgId={orgId} programme={data.programme} />
          <ArchiveProgramme orgId={orgId} programme={data.programme} />
        </details>
      )}
      <ReportPicker programmeId={programmeId} />
      <Section id="programme-framework" title={t('programme.framework')}>
        <Framework data={data} orgId={orgId} programmeId={programmeId} canManage={canManage} canApprove={can('programme.approve') && !isArchived} />
      </Section>
      {canManage && (
        <>
          <Section id="programme-add-computed" title={t('indicator.addComputed')}>
            <ComputedIndicatorForm orgId={orgId} programmeId={programmeId} nodes={data.nodes} />
          </Section>
          <Section id="programme-add-ratio" title={t('ratio.add')}>
            <RatioIndicatorForm orgId={orgId} programmeId={programmeId} nodes={data.nodes} />
          </Section>
          <Section id="programme-add-manual" title={t('indicator.addManual')}>
            <ManualIndicatorForm orgId={orgId} programmeId={programmeId} nodes={data.nodes} />
          </Section>
        </>
      )}
      <Section id="programme-assessments" title={t('assessments.title')}>
        <Assessments data={data} orgId={orgId} programmeId={programmeId} canManage={canManage} />
        {canManage && (
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
      {node.description && <p className="muted framework-node__description"><bdi>{node.description}</bdi></p>}
      {canManage && (
        <details className="disclosure framework-node__edit">
          <summary>{t('edit.openNode', { code: node.code })}</summary>
          <NodeEditForm orgId={orgId} programmeId={programmeId} node={node} />
        </details>
      )}
      <ul className="indicator-list">
        {data.indicators.filter((i) => i.nodeId === node.id).map((indicator) => (
          <IndicatorItem key={indicator.id} indicator={indicator} orgId={orgId} programmeId={programmeId} canManage={canManage} canApprove={canApprove} />
        ))}
      </ul>
      {children(node.id).length > 0 && <ul className="framework">{children(node.id).map(renderNode)}</ul>}
      {canManage && node.level !== 'output' && (
        <details className="disclosure framework-node__add">
          <summary>{t(`nodes.add.${node.level === 'goal' ? 'outcome' : 'output'}`)}</summary>
          <AddNodeForm orgId={orgId} programmeId={programmeId} parent={node} siblings={children(node.id)} />
        </details>
      )}
    </li>
  );
  return <ul className="framework">{children(null).map(renderNode)}</ul>;
}

function IndicatorItem({ indicator, orgId, programmeId, canManage, canApprove }: { indicator: TIndicator; orgId: string; programmeId: string; canManage: boolean; canApprove: boolean }) {
  const { t, i18n } = useProgrammesTranslation();
  const catalog = useMetricChoices(orgId);
  const metricName = (id: string) => {
    const metric = catalog.data?.metrics.find((m) => m.id === id);
    return metric ? pickLabel(metric.labels, i18n.language) : id;
  };
  const definition = indicator.definition;
  const source = definition.kind === 'computed' ? t('indicator.computedFrom', { metric: metricName(definition.metric) })
    : definition.kind === 'ratio' ? t('ratio.computedFrom', { numerator: metricName(definition.numerator.metric), denominator: metricName(definition.denominator.metric), scale: definition.scale })
    : t('indicator.manualSource');
  return (
    <li className="indicator" data-indicator={indicator.code}>
      <strong><bdi dir="ltr">{indicator.code}</bdi> <bdi data-indicator-name>{indicator.name}</bdi></strong>
      <span className="muted"> · {t(`units.${indicator.unit}`)} · {t(`frequencies.${indicator.frequency}`)} · {t(`directions.${indicator.direction}`)}</span>
      {indicator.definitionText && <p className="indicator__definition"><bdi>{indicator.definitionText}</bdi></p>}
      <p className="muted">
        {source}
        {indicator.baseline !== null && <> · {t('indicator.baselineIs', { value: indicator.baseline })}{indicator.baselinePeriod && <> (<bdi dir="ltr">{indicator.baselinePeriod}</bdi>)</>}</>}
        {indicator.targets.map((target) => <span key={target.period} data-target={target.period}> · {t('indicator.targetIs', { period: target.period, value: target.value })}</span>)}
      </p>
      <p className="muted indicator__source">{t('indicator.dataSource')}: <bdi>{indicator.dataSource}</bdi></p>
      {indicator.kind === 'manual' && <ManualValues orgId={orgId} programmeId={programmeId} indicator={indicator} canManage={canManage} canApprove={canApprove} />}
      {canManage && (
        <details className="disclosure indicator__edit">
          <summary>{t('edit.openIndicator', { code: indicator.code })}</summary>
          {indicator.kind !== 'manual' && <p className="muted">{t('edit.metricFixed')}</p>}
          <IndicatorEditForm orgId={orgId} programmeId={programmeId} indicator={indicator} />
          <TargetEditor orgId={orgId} programmeId={programmeId} indicator={indicator} />
        </details>
      )}
    </li>
  );
}

function Assessments({ data, orgId, programmeId, canManage }: { data: TProgrammeDetail; orgId: string; programmeId: string; canManage: boolean }) {
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
          {canManage && (
            <details className="disclosure">
              <summary>{t('assessments.edit', { area: a.area })}</summary>
              <AssessmentForm orgId={orgId} programmeId={programmeId} nodes={data.nodes} assessment={a} />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
