import type { ResponseStreamEvent } from "@llama-stack-ts/api";

interface Channel {
  events: ResponseStreamEvent[];
  closed: boolean;
  waiters: Set<() => void>;
}

/** How long a finished channel stays readable, for a reader that subscribes late. */
const KEEP_CLOSED_MS = 60_000;

/**
 * Live events of the background responses this process runs, for `stream: true` readers: each
 * reader replays the channel from its start, then follows it until the run ends.
 */
export class ResponseEventHub {
  private readonly channels = new Map<string, Channel>();

  open(id: string): void {
    if (!this.channels.has(id)) this.channels.set(id, { events: [], closed: false, waiters: new Set() });
  }

  has(id: string): boolean {
    return this.channels.has(id);
  }

  publish(id: string, event: ResponseStreamEvent): void {
    const channel = this.channels.get(id);
    if (!channel || channel.closed) return;
    channel.events.push(event);
    this.wake(channel);
  }

  close(id: string): void {
    const channel = this.channels.get(id);
    if (!channel || channel.closed) return;
    channel.closed = true;
    this.wake(channel);
    setTimeout(() => this.channels.delete(id), KEEP_CLOSED_MS).unref();
  }

  /** Every event of the run, from its first; ends when the run does. */
  async *read(id: string): AsyncGenerator<ResponseStreamEvent> {
    const channel = this.channels.get(id);
    if (!channel) return;
    let index = 0;
    for (;;) {
      while (index < channel.events.length) yield channel.events[index++]!;
      if (channel.closed) return;
      await new Promise<void>((resolve) => channel.waiters.add(resolve));
    }
  }

  private wake(channel: Channel): void {
    const waiters = [...channel.waiters];
    channel.waiters.clear();
    for (const resolve of waiters) resolve();
  }
}
