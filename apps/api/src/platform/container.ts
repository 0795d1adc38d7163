import 'reflect-metadata';

type Constructor<T = unknown> = new (...args: never[]) => T;

/** Marks a class whose constructor parameters the container fills (it makes TypeScript emit their types). */
export function Injectable(): ClassDecorator {
  return () => undefined;
}

/**
 * A small dependency container: services and resolvers are singletons built from their constructor
 * parameter types. type-graphql asks it for resolvers.
 */
export class Container {
  private readonly instances = new Map<unknown, unknown>();

  register<T>(token: Constructor<T> | (abstract new (...args: never[]) => T), value: T): this {
    this.instances.set(token, value);
    return this;
  }

  get<T>(token: Constructor<T>): T {
    if (this.instances.has(token)) return this.instances.get(token) as T;
    const params: Constructor[] = Reflect.getMetadata('design:paramtypes', token) ?? [];
    if (params.length !== token.length) throw new Error(`Container: cannot see the constructor parameters of ${token.name}; decorate it with @Injectable()`);
    const instance = new token(...(params.map((p) => this.get(p)) as never[]));
    this.instances.set(token, instance);
    return instance;
  }
}
