import type { GraphQLContext } from '../../platform/graphql/context';
import type { PilotSite, SiteStatusChange } from './pilot-site.entity';
import type { PilotSiteService } from './pilot-site.service';
import type { ProgrammeService } from './programme.service';
import type { ProgressService } from './progress.service';
import type { PhasePlanRevision, RolloutPhase } from './rollout-phase.entity';
import type { LevelProgress } from './rollout.types';
import type { SteeringService } from './steering.service';
import type { ActionItem, SteeringMeeting } from './steering-meeting.entity';

/** The rollout module's per-request loaders: one statement per relation per request, whatever the page size. */
export const rolloutLoaders = {
  phases: (ctx: GraphQLContext, programmes: ProgrammeService) =>
    ctx.loaders.named<string, RolloutPhase[]>('rollout.phasesByProgramme', (ids) => programmes.phasesOf(ids)),
  planHistory: (ctx: GraphQLContext, programmes: ProgrammeService) =>
    ctx.loaders.named<string, PhasePlanRevision[]>('rollout.planHistoryByPhase', (ids) => programmes.planHistoryOf(ids)),
  progress: (ctx: GraphQLContext, progress: ProgressService) =>
    ctx.loaders.named<RolloutPhase, LevelProgress[]>('rollout.progressByPhase', (phases) => progress.ofPhases(phases), (phase) => phase.id),
  lateSites: (ctx: GraphQLContext, progress: ProgressService) =>
    ctx.loaders.named<string, PilotSite[]>('rollout.lateSitesByProgramme', (ids) => progress.lateSitesOf(ids)),
  history: (ctx: GraphQLContext, sites: PilotSiteService) =>
    ctx.loaders.named<string, SiteStatusChange[]>('rollout.historyBySite', (ids) => sites.historyOf(ids)),
  meetings: (ctx: GraphQLContext, steering: SteeringService) =>
    ctx.loaders.named<string, SteeringMeeting[]>('rollout.meetingsByProgramme', (ids) => steering.meetingsOf(ids)),
  meetingsOfSite: (ctx: GraphQLContext, steering: SteeringService) =>
    ctx.loaders.named<string, SteeringMeeting[]>('rollout.meetingsBySite', (ids) => steering.meetingsTouching(ids)),
  actionItems: (ctx: GraphQLContext, steering: SteeringService) =>
    ctx.loaders.named<string, ActionItem[]>('rollout.actionItemsByMeeting', (ids) => steering.actionItemsOf(ids)),
};
