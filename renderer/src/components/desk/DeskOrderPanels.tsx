import { CallerHistory } from './CallerHistory';
import { MyFollowUps } from './MyFollowUps';

/** The work-order area's panels on the desk: the ringing caller's history, the agent's reminder calls. */
export function DeskOrderPanels() {
  return (
    <>
      <CallerHistory />
      <MyFollowUps />
    </>
  );
}
