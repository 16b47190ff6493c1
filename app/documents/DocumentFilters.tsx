import type { KeyboardEvent } from 'react';
import { DOCUMENT_STATUSES, isDocumentStatus } from '../../src/core/types';
import { setAnnotatorFilter, setLabelFilter, setSearchText, setStatusFilter } from '../actions/filters';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

/** A value that is not in the choices (a label since removed) is kept, so the select still says it. */
function withSelected(choices: readonly string[], selected: string | null): string[] {
  return selected === null || choices.includes(selected) ? [...choices] : [...choices, selected];
}

interface DocumentFiltersProps {
  /** The project's label names. */
  labels: readonly string[];
  /** Everyone with a layer in the project. */
  annotators: readonly string[];
}

/** Search field and the three selects above the Documents list. */
export function DocumentFilters({ labels: projectLabels, annotators }: DocumentFiltersProps) {
  const t = useT();
  const filters = useWorkbench((state) => state.documentFilters);
  const labels = withSelected(projectLabels, filters.label);
  // '' is "Anyone": a layer saved under an empty name cannot be told apart from it.
  const layerOwners = withSelected(annotators.filter((name) => name !== ''), filters.annotator);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && filters.text !== '') {
      event.preventDefault();
      setSearchText('');
    }
  };

  return (
    <div className="document-filters">
      <input
        type="search"
        className="document-search"
        aria-label={t('documents.search')}
        placeholder={t('documents.searchPlaceholder')}
        value={filters.text}
        onChange={(event) => setSearchText(event.target.value)}
        onKeyDown={onSearchKey}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="document-filter-selects">
        <label>
          <span className="document-filter-caption">{t('documents.statusCaption')}</span>
          <select
            aria-label={t('documents.statusFilter')}
            value={filters.status ?? ''}
            onChange={(event) => setStatusFilter(isDocumentStatus(event.target.value) ? event.target.value : null)}
          >
            <option value="">{t('documents.allStatuses')}</option>
            {DOCUMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status_${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="document-filter-caption">{t('documents.labelCaption')}</span>
          <select aria-label={t('documents.labelFilter')} value={filters.label ?? ''} onChange={(event) => setLabelFilter(event.target.value === '' ? null : event.target.value)}>
            <option value="">{t('documents.anyLabel')}</option>
            {labels.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="document-filter-caption">{t('documents.annotatorCaption')}</span>
          <select
            aria-label={t('documents.annotatorFilter')}
            value={filters.annotator ?? ''}
            onChange={(event) => setAnnotatorFilter(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">{t('documents.anyone')}</option>
            {layerOwners.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
