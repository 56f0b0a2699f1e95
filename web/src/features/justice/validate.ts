import { useValidators } from '../../components/form.ts';
import { useJusticeTranslation } from './i18n.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Translated checks for the justice forms, on top of the shared ones. They only catch typing
 * slips before a round trip; the server's schemas remain the judge (its issues land on the fields).
 */
export function useJusticeValidators() {
  const { t } = useJusticeTranslation();
  const shared = useValidators();
  return {
    required: shared.required,
    /** A calendar day as the date input gives it (YYYY-MM-DD). */
    day: (value: string) => {
      if (!value.trim()) return shared.required(value);
      if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return t('validation.day');
      return undefined;
    },
    /** An optional calendar day. */
    optionalDay: (value: string) => (value.trim() ? (DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : t('validation.day')) : undefined),
    /** A non-negative amount with at most two decimals ("1500", "1500.50"). */
    amount: (value: string) => {
      if (!value.trim()) return shared.required(value);
      return AMOUNT.test(value.trim()) ? undefined : t('validation.amount');
    },
    currency: (value: string) => (CURRENCY.test(value.trim()) ? undefined : t('validation.currency')),
    /** Whole months, 0 to 1200 (a century). */
    months: (value: string) => (/^\d{1,4}$/.test(value.trim()) && Number(value) <= 1200 ? undefined : t('validation.months')),
  };
}
