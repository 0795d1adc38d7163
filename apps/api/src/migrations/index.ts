import { Organisation1763700000000 } from './1763700000000-organisation';

/** Every migration, in order. A schema change is a new file here, never an edit of an applied one. */
export const migrations = [Organisation1763700000000];
