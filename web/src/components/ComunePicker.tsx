/**
 * Choose your comune from the ISTAT registry: type part of a name, pick from the list
 * (name, province, "piccolo comune" badge). An ARIA 1.2 combobox: the input keeps focus,
 * the highlighted option is announced through aria-activedescendant, and a polite status
 * says how many comuni were found.
 */
import { useEffect, useReducer, useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { ComuniSearchQuery } from '../gql/graphql';
import { useQuery } from '../graphql/hooks';
import { t } from '../i18n';
import { SEARCH_DELAY_MS, initialPickerState, keyIntent, pickerReducer, searchTerm } from './comunePicker';
import { PiccoloComuneBadge } from './PiccoloComuneBadge';

const ComuniSearchDocument = graphql(`
  query ComuniSearch($search: String!, $first: Int) {
    comuni(search: $search, first: $first) {
      istatCode
      name
      province
      provinceCode
      isPiccolo
    }
  }
`);

export type ComuneChoice = ComuniSearchQuery['comuni'][number];

function label(comune: ComuneChoice): string {
  return `${comune.name} (${comune.provinceCode})`;
}

interface Props {
  id: string;
  value: ComuneChoice | null;
  onChange: (comune: ComuneChoice | null) => void;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
}

export function ComunePicker({ id, value, onChange, required, invalid, describedBy }: Props) {
  const [text, setText] = useState(value ? label(value) : '');
  const [term, setTerm] = useState<string | null>(null);
  const [state, dispatch] = useReducer(pickerReducer, initialPickerState);
  const listId = `${id}-options`;
  const statusId = `${id}-status`;

  // Debounce: search only once the user pauses typing.
  useEffect(() => {
    if (value && text === label(value)) return;
    const timer = setTimeout(() => setTerm(searchTerm(text)), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  const { data, fetching } = useQuery(ComuniSearchDocument, { search: term ?? '', first: 10 }, { pause: term === null });
  const options = term === null ? [] : (data?.comuni ?? []);

  useEffect(() => {
    if (term !== null && data) dispatch({ type: 'results', count: data.comuni.length });
  }, [data, term]);

  function choose(comune: ComuneChoice) {
    onChange(comune);
    setText(label(comune));
    setTerm(null);
    dispatch({ type: 'close' });
  }

  function onKeyDown(event: KeyboardEvent) {
    const intent = keyIntent(event.key, event.altKey, state);
    if (!intent) return;
    event.preventDefault();
    if (intent.type === 'choose') {
      const comune = options[state.active];
      if (comune) choose(comune);
    } else if (intent.type === 'clear') {
      setText('');
      onChange(null);
    } else {
      dispatch(intent);
    }
  }

  const expanded = state.open && options.length > 0;
  const activeId = expanded && state.active >= 0 ? `${id}-option-${state.active}` : undefined;
  const status =
    term === null
      ? ''
      : fetching
        ? t('comune.searching')
        : options.length === 0
          ? t('comune.none')
          : t('comune.found', { count: options.length });

  return (
    <div class="comune-picker">
      <input
        id={id}
        type="text"
        class={`form-control${invalid ? ' is-invalid' : ''}`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={[statusId, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        autocomplete="off"
        spellcheck={false}
        required={required}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          if (value) onChange(null);
          dispatch({ type: 'typed' });
        }}
        onKeyDown={onKeyDown}
        onBlur={() => dispatch({ type: 'close' })}
      />
      <ul id={listId} role="listbox" aria-label={t('comune.listLabel')} class="comune-options" hidden={!expanded}>
        {options.map((comune, index) => (
          <li
            key={comune.istatCode}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === state.active}
            // mousedown, not click: choose before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(comune);
            }}
          >
            {comune.name} <span class="text-nowrap">({comune.province})</span>
            {comune.isPiccolo && <PiccoloComuneBadge />}
          </li>
        ))}
      </ul>
      <div id={statusId} class="form-text" aria-live="polite">
        {value ? (
          <>
            {t('comune.selected', { name: value.name, province: value.provinceCode })}
            {value.isPiccolo && <PiccoloComuneBadge />}
          </>
        ) : (
          status
        )}
      </div>
    </div>
  );
}
