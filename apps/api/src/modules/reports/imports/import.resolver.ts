import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../../platform/container';
import { PageArgs } from '../../../platform/graphql/connection';
import type { GraphQLContext } from '../../../platform/graphql/context';
import { ExportedFile } from '../../../platform/graphql/exported-file';
import { ImportJob, ImportJobConnection, ImportJobFilter, ImportRejection, ImportStatus } from './import-job.entity';
import { ImportService } from './import.service';

@Injectable()
@Resolver(() => ImportJob)
export class ImportJobResolver {
  constructor(private readonly imports: ImportService) {}

  @Query(() => ImportJobConnection, { description: 'Imports of the caller’s province, newest first (steering committee and administrators; national administrators: all).' })
  importJobs(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ImportJobFilter, { nullable: true }) filter: ImportJobFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.imports.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => ImportJob, { description: 'One import and its progress (poll it while it runs). The file is uploaded to POST /imports (README, Reports).' })
  importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.imports.get(ctx.actor, id);
  }

  @FieldResolver(() => Float, { description: 'Share of the rows gone through, 0 to 1.' })
  progress(@Root() job: ImportJob): number {
    if (job.status === ImportStatus.SUCCEEDED) return 1;
    return job.totalRows ? Math.min(1, job.processedRows / job.totalRows) : 0;
  }

  @FieldResolver(() => [ImportRejection], { description: 'The first refused rows (at most 100), in row order.' })
  rejections(@Root() job: ImportJob, @Arg('first', () => Int, { defaultValue: 20 }) first: number) {
    return this.imports.rejections(job, first);
  }

  @FieldResolver(() => ExportedFile, { nullable: true, description: 'The refused rows (row, column, reason, value) as .xlsx; null when none.' })
  async rejectedRowsFile(@Root() job: ImportJob): Promise<ExportedFile | null> {
    if (!job.rejectedRows) return null;
    return this.imports.rejectedRowsFile(job);
  }
}
