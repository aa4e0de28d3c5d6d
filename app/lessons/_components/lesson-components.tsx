// Everything a lesson's MDX may use: styled Markdown plus the four lesson widgets.
import type { MDXComponents } from "mdx/types";
import { Check } from "./check";
import { MemoryStepper } from "./memory-stepper";
import { proseElements } from "./mdx-elements";
import { Predict } from "./predict";
import { RaceStepper } from "./race-stepper";

export const lessonComponents: MDXComponents = { ...proseElements, Predict, MemoryStepper, RaceStepper, Check };
