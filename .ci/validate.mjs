// validate.mjs checks errgen's JSON outputs with real validators; the Go
// tests run it.
//
//	node validate.mjs schema SCHEMA DOC...  one line per DOC: "valid DOC" or "invalid DOC: why"
//	node validate.mjs openapi DOC           exit 1 with the problems if DOC is not valid OpenAPI
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { Validator } from "@seriousme/openapi-schema-validator";

const [mode, ...files] = process.argv.slice(2);
const read = (f) => JSON.parse(readFileSync(f, "utf8"));

if (mode === "schema") {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(read(files[0]));
  for (const f of files.slice(1)) {
    if (validate(read(f))) {
      console.log(`valid ${f}`);
    } else {
      console.log(`invalid ${f}: ${ajv.errorsText(validate.errors)}`);
    }
  }
} else if (mode === "openapi") {
  const result = await new Validator().validate(read(files[0]));
  if (!result.valid) {
    console.error(JSON.stringify(result.errors, null, 2));
    process.exit(1);
  }
  console.log(`valid OpenAPI: ${files[0]}`);
} else {
  console.error("usage: node validate.mjs schema SCHEMA DOC... | openapi DOC");
  process.exit(2);
}
