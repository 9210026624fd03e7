export { ConnectionStatus, defaultConnectionLabels } from './components/ConnectionStatus';
export type { ConnectionStatusProps, ShowConnectionState } from './components/ConnectionStatus';
