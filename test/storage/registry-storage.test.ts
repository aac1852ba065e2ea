import { STORAGE_DRIVERS } from "./drivers.ts";
import { registryStorageSuite } from "./registry-storage-suite.ts";

for (const [name, open] of STORAGE_DRIVERS) registryStorageSuite(name, open);
