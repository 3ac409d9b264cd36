import { mountChat } from './chat-controller';

window.SmbAgentWidget?.ready(mountChat);
