/**
 * Tasks of statemachines/documentation.asl.json (SOP 004): one execution per OPD's lane of a cycle.
 * Each is idempotent and reads its truth from the table, so an execution restarted from the
 * beginning is safe.
 */
import * as documentation from '../core/documentation/workflow.ts';
import { taskContext } from './context.ts';

interface Lane {
  cycleId: string;
  agencyId: string;
}

export const prepareWait = (input: Lane) => documentation.prepareWait(taskContext(), input);
export const awaitPerson = (input: Lane & { since?: string; taskToken: string }) => documentation.awaitPerson(taskContext(), input);
export const remindAndEscalate = (input: Lane & { since?: string }) => documentation.remindAndEscalate(taskContext(), input);
export const publish = (input: Lane) => documentation.publish(taskContext(), input);
