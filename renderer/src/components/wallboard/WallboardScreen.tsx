import { IndicatorsBoard } from './IndicatorsBoard';

/** The team lead's view: today's figures against the thresholds of §3.2. */
export function WallboardScreen() {
  return (
    <main className="wallboard">
      <IndicatorsBoard />
    </main>
  );
}
