import { STORAGE_DRIVERS } from "./drivers.ts";
import { responsesStorageSuite } from "./responses-storage-suite.ts";

for (const [name, open] of STORAGE_DRIVERS) responsesStorageSuite(name, open);
