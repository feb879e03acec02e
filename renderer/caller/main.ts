import { TestCaller } from './test-caller';

declare global {
  interface Window {
    testCaller: TestCaller;
  }
}

const status = document.getElementById('status') as HTMLOutputElement;
const caller = new TestCaller(window.location.origin, (state) => (status.value = state));
window.testCaller = caller;

const input = (id: string) => (document.getElementById(id) as HTMLInputElement).value.trim();
document
  .getElementById('dial')
  ?.addEventListener('click', () => void caller.dial(input('number'), input('from')).catch((e: Error) => (status.value = e.message)));
document.getElementById('hangup')?.addEventListener('click', () => void caller.hangup());
const keys = document.getElementById('keys');
for (const key of '123456789*0#') {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = key;
  button.addEventListener('click', () => caller.sendDtmf(key));
  keys?.append(button);
}
