#!/usr/bin/env node
// The workspace ships TypeScript sources; tsx compiles them on load (see docs/decisions/0002).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
