import { describe, expect, test } from 'vitest';
import { initialPickerState, keyIntent, pickerReducer, searchTerm, type PickerState } from './comunePicker';

describe('searchTerm', () => {
  test('needs at least two characters', () => {
    expect(searchTerm('')).toBeNull();
    expect(searchTerm(' a ')).toBeNull();
    expect(searchTerm('ab')).toBe('ab');
  });

  test('trims and collapses spaces', () => {
    expect(searchTerm('  San   Giovanni ')).toBe('San Giovanni');
  });
});

describe('pickerReducer', () => {
  const withResults = pickerReducer(initialPickerState, { type: 'results', count: 3 });

  test('opens on results with nothing highlighted', () => {
    expect(withResults).toEqual({ open: true, active: -1, count: 3 });
  });

  test('moves down and up, wrapping around', () => {
    let state: PickerState = withResults;
    state = pickerReducer(state, { type: 'move', delta: 1 });
    expect(state.active).toBe(0);
    state = pickerReducer(state, { type: 'move', delta: 1 });
    state = pickerReducer(state, { type: 'move', delta: 1 });
    expect(state.active).toBe(2);
    state = pickerReducer(state, { type: 'move', delta: 1 });
    expect(state.active).toBe(0);
    state = pickerReducer(state, { type: 'move', delta: -1 });
    expect(state.active).toBe(2);
  });

  test('reopens a closed list at the first or last option', () => {
    const closed = pickerReducer(withResults, { type: 'close' });
    expect(closed).toEqual({ open: false, active: -1, count: 3 });
    expect(pickerReducer(closed, { type: 'move', delta: 1 })).toEqual({ open: true, active: 0, count: 3 });
    expect(pickerReducer(closed, { type: 'move', delta: -1 })).toEqual({ open: true, active: 2, count: 3 });
  });

  test('does nothing without results', () => {
    const empty = pickerReducer(initialPickerState, { type: 'results', count: 0 });
    expect(pickerReducer(empty, { type: 'move', delta: 1 })).toBe(empty);
    expect(pickerReducer(empty, { type: 'first' })).toBe(empty);
  });

  test('typing clears the highlight', () => {
    const highlighted = pickerReducer(withResults, { type: 'move', delta: 1 });
    expect(pickerReducer(highlighted, { type: 'typed' }).active).toBe(-1);
  });

  test('Home and End jump to the ends', () => {
    expect(pickerReducer(withResults, { type: 'last' }).active).toBe(2);
    expect(pickerReducer(withResults, { type: 'first' }).active).toBe(0);
  });
});

describe('keyIntent', () => {
  const open: PickerState = { open: true, active: 1, count: 3 };
  const closed: PickerState = { open: false, active: -1, count: 3 };

  test('arrows move, Alt+arrows open and close', () => {
    expect(keyIntent('ArrowDown', false, closed)).toEqual({ type: 'move', delta: 1 });
    expect(keyIntent('ArrowUp', false, open)).toEqual({ type: 'move', delta: -1 });
    expect(keyIntent('ArrowDown', true, closed)).toEqual({ type: 'open' });
    expect(keyIntent('ArrowUp', true, open)).toEqual({ type: 'close' });
  });

  test('Enter chooses only a highlighted option, otherwise submits the form', () => {
    expect(keyIntent('Enter', false, open)).toEqual({ type: 'choose' });
    expect(keyIntent('Enter', false, { ...open, active: -1 })).toBeNull();
    expect(keyIntent('Enter', false, closed)).toBeNull();
  });

  test('Escape closes an open list, and clears the input when closed', () => {
    expect(keyIntent('Escape', false, open)).toEqual({ type: 'close' });
    expect(keyIntent('Escape', false, closed)).toEqual({ type: 'clear' });
  });

  test('other keys are left to the input', () => {
    expect(keyIntent('a', false, open)).toBeNull();
    expect(keyIntent('Home', false, closed)).toBeNull();
    expect(keyIntent('Tab', false, open)).toBeNull();
  });
});
