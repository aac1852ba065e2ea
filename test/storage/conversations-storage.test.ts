import { conversationsStorageSuite } from "./conversations-storage-suite.ts";
import { STORAGE_DRIVERS } from "./drivers.ts";

for (const [name, open] of STORAGE_DRIVERS) conversationsStorageSuite(name, open);
