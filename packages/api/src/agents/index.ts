export * from "./agent.ts";
export * from "./agent-config.ts";
export * from "./agent-session.ts";
export * from "./agent-step.ts";
export * from "./agent-turn.ts";
export * from "./agent-turn-event.ts";
