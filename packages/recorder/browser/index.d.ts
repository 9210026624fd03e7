// Nothing is exported to browsers: client code that imports @show/recorder does not type-check either.
export {};
