/**
 * The comune picker's behaviour, kept apart from its markup so it can be tested: when to
 * search, how the highlighted option moves, and what the keyboard does (ARIA APG combobox
 * with a listbox popup).
 */
export const MIN_SEARCH_LENGTH = 2;
export const SEARCH_DELAY_MS = 250;

export function searchTerm(text: string): string | null {
  const term = text.trim().replace(/\s+/g, ' ');
  return term.length >= MIN_SEARCH_LENGTH ? term : null;
}

export interface PickerState {
  open: boolean;
  /** Index of the highlighted option, -1 for none. */
  active: number;
  count: number;
}

export const initialPickerState: PickerState = { open: false, active: -1, count: 0 };

export type PickerAction =
  | { type: 'typed' }
  | { type: 'results'; count: number }
  | { type: 'move'; delta: 1 | -1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'open' }
  | { type: 'close' };

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'typed':
      return { ...state, active: -1 };
    case 'results':
      return { open: true, active: -1, count: action.count };
    case 'open':
      return { ...state, open: state.count > 0 || state.open };
    case 'close':
      return { ...state, open: false, active: -1 };
    case 'first':
      return state.count === 0 ? state : { ...state, open: true, active: 0 };
    case 'last':
      return state.count === 0 ? state : { ...state, open: true, active: state.count - 1 };
    case 'move': {
      if (state.count === 0) return state;
      if (!state.open) return { ...state, open: true, active: action.delta === 1 ? 0 : state.count - 1 };
      const next = state.active + action.delta;
      // Wrap around, as the APG example does.
      const active = next < 0 ? state.count - 1 : next >= state.count ? 0 : next;
      return { ...state, active };
    }
  }
}

export type KeyIntent = PickerAction | { type: 'choose' } | { type: 'clear' } | null;

/** What a key press in the input means. `null`: let the input handle it. */
export function keyIntent(key: string, altKey: boolean, state: PickerState): KeyIntent {
  switch (key) {
    case 'ArrowDown':
      return altKey ? { type: 'open' } : { type: 'move', delta: 1 };
    case 'ArrowUp':
      return altKey ? { type: 'close' } : { type: 'move', delta: -1 };
    case 'Enter':
      return state.open && state.active >= 0 ? { type: 'choose' } : null;
    case 'Escape':
      return state.open ? { type: 'close' } : { type: 'clear' };
    case 'Home':
      return state.open && state.active >= 0 ? { type: 'first' } : null;
    case 'End':
      return state.open && state.active >= 0 ? { type: 'last' } : null;
    default:
      return null;
  }
}
