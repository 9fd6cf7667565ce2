import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
(Validations.prototype as any).acknowledge = () => {};
const { buildApp } = await import('./app-builder.ts');
const { app } = buildApp({ outdir: '/tmp/probe-out' });
const r = new AwsSolutionsChecks(undefined, {}).validateScope(app);
console.log(r.violations.map(v => `${v.ruleName} ${v.severity} ${v.violatingResources.map(x=>x.constructPath.replace('SipPpidStateless/','')).slice(0,3).join(' ')}`).join('\n'));
