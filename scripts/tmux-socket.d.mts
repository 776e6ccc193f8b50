export function tmuxSocketPath(name: string): string;
