/**
 * The state machines' task functions, in a nested stack of their own: about forty functions, each
 * with its role and policy, would otherwise take 120 of the stateless stack's resources, which keeps
 * its room for the routes (CfnRoute is one resource per route there; test/infra/stacks.test.ts). The
 * state machines stay in the stateless stack (they hold running executions and have fixed names) and
 * name these functions through the nested stack's outputs.
 */
import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { StateMachineDecl } from '../system.ts';
import type { FunctionFactory } from './functions.ts';

export interface WorkflowTasksStackProps extends NestedStackProps {
  stateMachines: readonly StateMachineDecl[];
  functions: FunctionFactory;
}

export class WorkflowTasksStack extends NestedStack {
  /** State machine id → its definition's placeholder → the task function. */
  readonly tasks = new Map<string, Map<string, lambda.Function>>();

  constructor(scope: Construct, id: string, props: WorkflowTasksStackProps) {
    super(scope, id, props);
    // One log group for every task function (functions.ts FunctionSpec.logGroup says why).
    const taskLogs = new logs.LogGroup(this, 'TaskFunctionLogs', { retention: logs.RetentionDays.ONE_YEAR });
    for (const decl of props.stateMachines) {
      const fns = new Map<string, lambda.Function>();
      for (const [placeholder, task] of Object.entries(decl.tasks)) {
        fns.set(
          placeholder,
          props.functions.make(this, `${decl.id}${placeholder.replace(/FunctionArn$/, '')}`, {
            handler: task.handler,
            uses: task.uses ?? [],
            description: `${decl.id} task ${placeholder} → ${task.handler}`,
            timeout: Duration.minutes(task.timeoutMinutes ?? 1),
            logGroup: taskLogs,
          }),
        );
      }
      this.tasks.set(decl.id, fns);
    }
  }
}
