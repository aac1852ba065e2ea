/** `/v1/models/{model_id:path}` → `/v1/models/:model_id{.+}`; `{id}` → `:id`. */
export function toHonoPath(path: string): string {
  return path.replace(/\{(\w+)(:path)?\}/g, (_m, name: string, catchAll?: string) =>
    catchAll ? `:${name}{.+}` : `:${name}`,
  );
}

/** A matcher for the 405 check: does a request path fit this route's path? */
export function toPathRegExp(path: string): RegExp {
  const pattern = path
    .split(/(\{\w+(?::path)?\})/)
    .map((part) => {
      if (/^\{\w+:path\}$/.test(part)) return ".+";
      if (/^\{\w+\}$/.test(part)) return "[^/]+";
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${pattern}/?$`);
}

/** The OpenAPI form drops the `:path` marker: `/v1/models/{model_id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/\{(\w+):path\}/g, "{$1}");
}
