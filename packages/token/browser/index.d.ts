// Nothing is exported to browsers: client code that imports @show/token does not type-check either.
export {};
