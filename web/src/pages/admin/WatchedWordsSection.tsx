/**
 * Admin: the watched words, checked in every new or edited post, each with what happens to
 * a post that contains it (flag it for the moderators, hold it for approval, or refuse it),
 * explained beside each choice. Watching a word again changes its action; "Rimuovi" stops.
 */
import { useState } from 'preact/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { WatchedWordAction, WatchedWordsQuery } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ConfirmRemoval } from './ConfirmRemoval';
import { ManagedList } from './ManagedList';
import { WATCHED_ACTIONS, patternProblem, watchedActionHelp, watchedActionLabel, type PatternProblem } from './watchedWords';

const WatchedWordsDocument = graphql(`
  query WatchedWords {
    watchedWords {
      id
      pattern
      action
      createdAt
    }
  }
`);

const SetWatchedWordDocument = graphql(`
  mutation SetWatchedWord($pattern: String!, $action: WatchedWordAction!) {
    setWatchedWord(pattern: $pattern, action: $action) {
      id
      pattern
      action
    }
  }
`);

const RemoveWatchedWordDocument = graphql(`
  mutation RemoveWatchedWord($id: ID!) {
    removeWatchedWord(id: $id)
  }
`);

type Word = WatchedWordsQuery['watchedWords'][number];

function WordRow({ word, onRemoved }: { word: Word; onRemoved: (pattern: string) => void }) {
  const [{ fetching, error }, remove] = useMutation(RemoveWatchedWordDocument);
  return (
    <tr>
      <th scope="row">{word.pattern}</th>
      <td>{watchedActionLabel(word.action)}</td>
      <td>{formatDateTime(word.createdAt)}</td>
      <td>
        {error && <ErrorAlert error={error} />}
        <ConfirmRemoval
          name={word.pattern}
          question={t('watched.removeConfirm', { pattern: word.pattern })}
          busy={fetching}
          onConfirm={async () => {
            const result = await remove({ id: word.id });
            if (result.data?.removeWatchedWord) onRemoved(word.pattern);
          }}
        />
      </td>
    </tr>
  );
}

export function WatchedWordsSection() {
  const list = useQuery(WatchedWordsDocument, {}, { requestPolicy: 'network-only' });
  const [{ fetching, error }, save] = useMutation(SetWatchedWordDocument);
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState<WatchedWordAction>('REQUIRE_APPROVAL');
  const [problem, setProblem] = useState<PatternProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <ManagedList
      id="watched"
      class="mb-5"
      title={t('watched.title')}
      intro={t('watched.intro')}
      status={done}
      query={list}
      items={(data) => data.watchedWords}
      empty={t('watched.empty')}
      columns={[t('watched.word'), t('watched.actionColumn'), t('watched.added')]}
      row={(word, onRemoved) => <WordRow word={word} onRemoved={onRemoved} />}
      onRemoved={(removed) => setDone(t('watched.removed', { pattern: removed }))}
    >
      <form
        noValidate
        aria-labelledby="watched-add-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          const found = patternProblem(pattern);
          setProblem(found);
          if (found) {
            document.getElementById('watched-pattern')?.focus();
            return;
          }
          const result = await save({ pattern: pattern.trim(), action });
          if (result.data) {
            const saved = result.data.setWatchedWord;
            setDone(t('watched.saved', { pattern: saved.pattern, action: watchedActionLabel(saved.action) }));
            setPattern('');
            list.refetch();
          }
        }}
      >
        <h3 id="watched-add-heading" class="h5 mt-4">
          {t('watched.add')}
        </h3>
        {error && <ErrorAlert error={error} />}
        <div class="mb-3">
          <label for="watched-pattern" class="form-label">
            {t('watched.pattern')}
          </label>
          <input
            id="watched-pattern"
            class={`form-control${problem ? ' is-invalid' : ''}`}
            type="text"
            autocomplete="off"
            required
            maxLength={60}
            aria-invalid={problem ? true : undefined}
            aria-describedby="watched-pattern-help"
            value={pattern}
            onInput={(e) => setPattern(e.currentTarget.value)}
          />
          <small id="watched-pattern-help" class={problem ? 'invalid-feedback d-block' : 'form-text'}>
            {t(problem ? `watched.${problem}` : 'watched.patternHelp')}
          </small>
        </div>
        <fieldset class="mb-3">
          <legend class="h6">{t('watched.action')}</legend>
          {WATCHED_ACTIONS.map((value) => (
            <div class="form-check" key={value}>
              <input
                type="radio"
                name="watched-action"
                id={`watched-action-${value}`}
                aria-describedby={`watched-action-${value}-help`}
                checked={action === value}
                onChange={() => setAction(value)}
              />
              <label for={`watched-action-${value}`}>{watchedActionLabel(value)}</label>
              <small id={`watched-action-${value}-help`} class="form-text d-block">
                {watchedActionHelp(value)}
              </small>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="btn btn-primary" disabled={fetching}>
          {t('watched.submit')}
        </button>
      </form>
    </ManagedList>
  );
}
