/**
 * CDK entry (`cdk.json`: `node --import tsx infra/aws/app.ts`). `buildApp()` bundles the handlers,
 * builds the staff app, creates both stacks and registers the cdk-nag AwsSolutions checks (cdk-nag 3:
 * `Validations.of(app).addPlugins(...)`, see nag.ts), so tests get exactly what `cdk synth` gets.
 */
import { buildApp } from './app-builder.ts';

const { app } = buildApp();
app.synth();
