// Fuzzed requests over every route of the OpenAPI document, part 4 of 4 (test/support/fuzz.ts).
import { fuzzPart } from '../support/fuzz.js';

fuzzPart(4);
