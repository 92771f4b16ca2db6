// Subscribes to a DirectLineJS `activity$` and lets a test await activities matching a predicate.
import { withTimeout } from './wait.mjs';

export class ActivityCollector {
  /** @param {import('botframework-directlinejs').DirectLine} directLine */
  constructor(directLine, log = () => {}) {
    this.activities = [];
    this.waiters = [];
    this.error = undefined;
    this.subscription = directLine.activity$.subscribe(
      (activity) => {
        log(`  <- ${activity.type} ${activity.id ?? '(no id)'} from ${activity.from?.role ?? '?'}/${activity.from?.id ?? '?'}: ${JSON.stringify(activity.text ?? activity.name ?? '')}`);
        this.activities.push(activity);
        this.#notify();
      },
      (error) => {
        this.error = error;
        this.#notify();
      },
    );
  }

  /** Resolves with the first activity (already received or future) matching `predicate`. */
  waitFor(predicate, what, ms = 45_000) {
    const found = this.activities.find(predicate);
    if (found) return Promise.resolve(found);
    const waiting = new Promise((resolve, reject) => {
      this.waiters.push({ predicate, resolve, reject });
      if (this.error) reject(this.error);
    });
    return withTimeout(waiting, ms, () => `${what} (received so far: ${this.describe()})`);
  }

  describe() {
    return JSON.stringify(this.activities.map((a) => ({ id: a.id, type: a.type, role: a.from?.role, text: a.text })));
  }

  #notify() {
    for (const waiter of [...this.waiters]) {
      if (this.error) {
        waiter.reject(new Error(`activity$ failed: ${this.error?.message ?? this.error}`));
        continue;
      }
      const found = this.activities.find(waiter.predicate);
      if (found) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(found);
      }
    }
  }

  close() {
    this.subscription.unsubscribe();
  }
}
