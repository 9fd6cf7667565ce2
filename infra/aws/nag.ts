/**
 * cdk-nag (v3) for this app: the AwsSolutions pack, plus acknowledgments by pattern.
 *
 * cdk-nag 3 runs as a CDK validation plugin (`Validations.of(app).addPlugins(...)`, not an Aspect)
 * and acknowledges findings only by exact id, e.g. `AwsSolutions-IAM5[Resource::<Table.Arn>/index/*]`.
 * Findings that name a cross-stack reference (the table and bucket ARNs of the stateful stack) spell
 * an export name that exists only once synthesis has started, so `acknowledge()` also accepts a
 * RegExp: when the pack reports a matching finding, it is acknowledged right then with its exact id
 * and reason, through the same `Validations` metadata (so it appears in the validation report).
 */
import { type CfnResource, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type IApplyRule } from 'cdk-nag';
import type { IConstruct } from 'constructs';

interface Pattern {
  rule: string;
  finding: RegExp;
  reason: string;
}
const patterns = new WeakMap<IConstruct, Pattern[]>();

/**
 * Acknowledges `rule` (e.g. `AwsSolutions-IAM5`) on `scope` and everything below it, with a reason.
 * `finding` narrows it to one finding (`Resource::*`), or to every finding matching a RegExp.
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string, finding?: string | RegExp): void {
  if (finding instanceof RegExp) {
    patterns.set(scope, [...(patterns.get(scope) ?? []), { rule, finding, reason }]);
  } else {
    Validations.of(scope).acknowledge({ id: finding === undefined ? rule : `${rule}[${finding}]`, reason });
  }
}

function patternFor(node: IConstruct, rule: string, finding: string): Pattern | undefined {
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    const hit = patterns.get(c)?.find((p) => p.rule === rule && p.finding.test(finding));
    if (hit) return hit;
  }
  return undefined;
}

/** AwsSolutionsChecks that also honours the RegExp acknowledgments above. */
export class SipPpidNagChecks extends AwsSolutionsChecks {
  protected override applyRule(params: IApplyRule): void {
    const suffix = params.ruleSuffixOverride ?? params.rule.name;
    const ruleId = `${this.readPackName}-${suffix}`;
    const rule = (node: CfnResource) => {
      const result = params.rule(node);
      if (Array.isArray(result)) {
        for (const finding of result) {
          const p = patternFor(node, ruleId, finding);
          if (p) Validations.of(node).acknowledge({ id: `${ruleId}[${finding}]`, reason: p.reason });
        }
      }
      return result;
    };
    super.applyRule({ ...params, ruleSuffixOverride: suffix, rule });
  }
}
