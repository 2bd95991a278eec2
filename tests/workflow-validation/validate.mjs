// Validates GitHub Actions workflow files with two validators:
// - @actions/workflow-parser, the parser of GitHub's own Actions language services, against GitHub's workflow
//   schema, with its expression checks;
// - @action-validator/core, against the JSON schema of workflows, which also checks that `needs` names real jobs.
// Usage: node validate.mjs <workflow.yml>...  Prints each problem as "<file>: <validator>: <message>" and exits 1
// when there is one, 0 (after an "ok" line per file) when there is none, 2 on a usage error.
import { readFileSync } from "node:fs";
import { register } from "node:module";

// The parser's compiled modules import its JSON schema without an import attribute, which Node.js refuses;
// the hook adds the attribute. It must be registered before the parser is imported.
register("./json-modules.mjs", import.meta.url);
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import("@actions/workflow-parser");
const { validateWorkflow } = await import("@action-validator/core");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: node validate.mjs <workflow.yml>...");
  process.exit(2);
}

async function githubParserProblems(file, content) {
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const problems = result.context.errors.getErrors().map((error) => error.message);
  if (problems.length === 0 && result.value !== undefined) {
    const template = await convertWorkflowTemplate(result.context, result.value);
    problems.push(...(template.errors ?? []).map((error) => error.Message ?? String(error)));
  }
  return problems;
}

// action-validator nests the failed branches of a oneOf in `states`; the leaves say what is wrong.
function leaves(errors) {
  return errors.flatMap((error) =>
    error.states?.length ? leaves(error.states.flatMap((state) => state.errors)) : [error],
  );
}

function actionValidatorProblems(content) {
  return leaves(validateWorkflow(content).errors).map(
    (error) => `${error.path ?? ""} ${error.title}${error.detail ? `: ${error.detail}` : ""}`.trim(),
  );
}

let failed = false;
for (const file of files) {
  let content;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot be read: ${error.message}`);
    failed = true;
    continue;
  }

  const problems = [
    ...(await githubParserProblems(file, content)).map((message) => `workflow-parser: ${message}`),
    ...actionValidatorProblems(content).map((message) => `action-validator: ${message}`),
  ];
  for (const problem of new Set(problems)) {
    console.log(`${file}: ${problem}`);
  }

  if (problems.length > 0) {
    failed = true;
  } else {
    console.log(`ok ${file}`);
  }
}

process.exit(failed ? 1 : 0);
