import { STORAGE_DRIVERS } from "./drivers.ts";
import { promptsStorageSuite } from "./prompts-storage-suite.ts";

for (const [name, open] of STORAGE_DRIVERS) promptsStorageSuite(name, open);
