import fs from "node:fs";
import { run } from "../index";
const s = fs.readFileSync(process.argv[2], "utf8");
const t0 = performance.now();
for (let i = 0; i < 10; i++) run(s);
console.log(((performance.now() - t0) / 10).toFixed(2), "ms/run");
