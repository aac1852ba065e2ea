import { STORAGE_DRIVERS } from "./drivers.ts";
import { vectorIoSuite } from "./vector-io-suite.ts";

for (const [name, open] of STORAGE_DRIVERS) vectorIoSuite(name, open);
