// Tests only: zustand as its testing guide sets it up. Every store made with create() remembers
// its initial state, so that resetAllStores() (after each test, see stores-setup.ts) puts every
// one back and no test sees what the one before it left in a store.
import { vi } from 'vitest';
import type * as Zustand from 'zustand';
import { onStoreReset } from './store-resets';

const actual = await vi.importActual<typeof Zustand>('zustand');
// The rest of zustand as it is (not `export *`: inside the mock, 'zustand' is this file).
export const { createStore, useStore } = actual;

const track = <S>(stateCreator: Zustand.StateCreator<S, [], []>) => {
  const store = actual.create(stateCreator);
  const initial = store.getInitialState();
  onStoreReset(() => store.setState(initial, true));
  return store;
};

export const create = (<S>(stateCreator?: Zustand.StateCreator<S, [], []>) =>
  stateCreator === undefined ? track : track(stateCreator)) as typeof Zustand.create;
