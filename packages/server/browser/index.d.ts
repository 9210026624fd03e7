// Nothing is exported to browsers: client code that imports @show/server does not type-check either.
export {};
