import { GraphQLScalarType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { validateArgument } from './validation';

/**
 * Field resolvers of resolver classes (`@FieldResolver() parent(@Root() unit, @Ctx() ctx)`) called
 * without type-graphql's per-call machinery. type-graphql wraps each in a handler that, on every call,
 * builds the resolver data, sorts the parameters, converts the arguments, and validates them through an
 * `async` function, so that any field with arguments answers through two or three promises of its own
 * before the resolver even runs: a page of 100 units asks `children(first: 20)` and `parent` 100 times
 * each. Here the parameter plan is made once per field, and the call is synchronous unless validation
 * has work to do (`validateArgument` answers a valid page at once).
 *
 * Same semantics as type-graphql 2.0 (resolvers/create.js, helpers.js, convert-args.js): the singleton
 * resolver instance, arguments converted to their ArgsType class (defaults of the class, then the values
 * given) and validated by the same function. Only what can be reproduced exactly is taken over: a field
 * with middlewares, roles, a custom parameter decorator, an input-type argument or a
 * per-argument validation setting keeps type-graphql's own handler.
 */

type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;
type Read = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

interface Param {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
  validateSettings?: unknown;
  validateFn?: unknown;
}

interface FieldResolverDef {
  kind: 'internal' | 'external';
  target: new (...args: never[]) => unknown;
  methodName: string;
  schemaName: string;
  params?: Param[];
  middlewares?: unknown[];
  roles?: unknown[];
  getObjectType?: () => unknown;
}

interface ClassFields {
  target: unknown;
  fields: Array<{ name: string; getType(): unknown }>;
}

const SIMPLE = new Set<unknown>([String, Boolean, Number, Date, Array, Promise]);

/** type-graphql's convertToType (helpers/types.js), for a root value typed by its class. */
function convertToType(Target: new () => object, data: unknown): unknown {
  if (data == null || SIMPLE.has((data as object).constructor) || data instanceof Target) return data;
  if (Array.isArray(data)) return data.map((item) => convertToType(Target, item));
  return toInstance(Target, data as Record<string, unknown>);
}

/** The class's defaults, then the values given (type-graphql's convertToType for a plain object). */
function toInstance<T extends object>(Target: new () => T, data: Record<string, unknown>): T {
  const instance = new Target() as Record<string, unknown>;
  for (const key of Object.keys(instance)) {
    if (instance[key] === undefined && !(key in data)) delete instance[key];
  }
  return Object.assign(instance, data) as T;
}

export function leanFieldResolvers(schema: GraphQLSchema, instanceOf: (target: unknown) => unknown): number {
  const storage = getMetadataStorage() as unknown as {
    fieldResolvers: FieldResolverDef[];
    objectTypes: Array<{ target: unknown; name: string }>;
    argumentTypes: ClassFields[];
    inputTypes: ClassFields[];
  };
  const typeNames = new Map(storage.objectTypes.map((t) => [t.target, t.name]));
  const inputTargets = new Set(storage.inputTypes.map((t) => t.target));
  /** A value type type-graphql passes through unchanged: a scalar or an enum, never an input type. */
  const passesThrough = (type: unknown) => !inputTargets.has(type) && (type instanceof GraphQLScalarType || SIMPLE.has(type) || (typeof type === 'object' && type !== null));

  /** The fields of an ArgsType class and of the ArgsTypes it extends, as type-graphql collects them. */
  const argsFields = (ArgsClass: unknown): string[] | null => {
    const own = storage.argumentTypes.find((t) => t.target === ArgsClass);
    if (!own) return null;
    let fields = own.fields;
    let superClass = Object.getPrototypeOf(ArgsClass);
    while (superClass.prototype !== undefined) {
      const parent = storage.argumentTypes.find((t) => t.target === superClass);
      if (parent) fields = [...fields, ...parent.fields];
      superClass = Object.getPrototypeOf(superClass);
    }
    return fields.every((f) => passesThrough(f.getType())) ? fields.map((f) => f.name) : null;
  };

  const reader = (param: Param): { read: Read; validated: boolean } | null => {
    switch (param.kind) {
      case 'root': {
        const property = param.propertyName;
        const read: Read = property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
        if (!param.getType) return { read, validated: false };
        const Target = param.getType();
        if (Target instanceof GraphQLScalarType) return { read, validated: false };
        if (typeof Target !== 'function') return null;
        const Class = Target as new () => object;
        return { read: (root, args, context, info) => convertToType(Class, read(root, args, context, info)), validated: false };
      }
      case 'context': {
        const property = param.propertyName;
        return { read: property ? (_r, _a, context) => (context as Record<string, unknown>)[property] : (_r, _a, context) => context, validated: false };
      }
      case 'info':
        return { read: (_r, _a, _c, info) => info, validated: false };
      case 'arg': {
        if (param.validateSettings !== undefined || param.validateFn || !param.name || !param.getType || !passesThrough(param.getType())) return null;
        const name = param.name;
        return { read: (_r, args) => (Array.isArray(args[name]) ? [...(args[name] as unknown[])] : args[name]), validated: true };
      }
      case 'args': {
        if (param.validateSettings !== undefined || param.validateFn || !param.getType) return null;
        const ArgsClass = param.getType() as new () => object;
        const names = argsFields(ArgsClass);
        if (!names) return null;
        return {
          read: (_r, args) => {
            const data: Record<string, unknown> = {};
            for (const name of names) {
              const value = args[name];
              if (value !== undefined) data[name] = Array.isArray(value) ? [...value] : value;
            }
            return toInstance(ArgsClass, data);
          },
          validated: true,
        };
      }
      default:
        return null;
    }
  };

  let replaced = 0;
  for (const def of storage.fieldResolvers) {
    if (def.kind !== 'external' || def.middlewares?.length || def.roles?.length || !def.getObjectType) continue;
    const typeName = typeNames.get(def.getObjectType());
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[def.schemaName];
    if (!field) continue;
    const params = [...(def.params ?? [])].sort((a, b) => a.index - b.index);
    const readers = params.map(reader);
    if (readers.some((r) => r === null)) continue;
    const instance = instanceOf(def.target) as Record<string, (...values: unknown[]) => unknown>;
    const method = instance[def.methodName];
    if (typeof method !== 'function') continue;
    const reads = readers.map((r) => r!.read);
    const validated = readers.map((r) => r!.validated);
    const count = reads.length;
    const resolve: Resolver = (root, args, context, info) => {
      const values = new Array<unknown>(count);
      let checks: Promise<void>[] | null = null;
      for (let i = 0; i < count; i++) {
        const value = reads[i](root, args, context, info);
        values[i] = value;
        if (validated[i]) {
          const check = validateArgument(value);
          if (check) (checks ??= []).push(check);
        }
      }
      if (checks) return Promise.all(checks).then(() => method.apply(instance, values));
      return method.apply(instance, values);
    };
    field.resolve = resolve;
    replaced++;
  }
  return replaced;
}
