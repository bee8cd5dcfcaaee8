import type { Translation } from '../types';

export const deadlines: Translation['deadlines'] = {
  rules: {
    'R-REPLY-5MIN': { name: 'Reply within 5 minutes', due: 'reply to the resident' },
    'R-REPAIR-ORDER-5MIN': { name: 'Work order within 5 minutes', due: 'issue the work order' },
    'R-REPAIR-URGENT-15MIN': { name: 'Urgent repair: on site in 15 minutes', due: 'technician on site' },
    'R-REPAIR-APPOINTMENT': { name: 'Repair at the agreed time', due: 'repair done at the agreed time' },
    'R-REPAIR-CHASE': { name: 'Chase the work order', due: 'work order returned' },
    'R-MEDICAL-REPORT': { name: 'Major medical case: tell the supervisor', due: 'report to the supervisor' },
    'R-REPAIR-MAJOR': { name: 'Major repair: tell the manager', due: 'report to the manager' },
    'R-COMPLAINT-MAJOR': { name: 'Major complaint: tell the manager', due: 'report to the manager' },
    'R-COMPLAINT-CONTACT': { name: 'Complaint solved by the promised date', due: 'solve the complaint' },
    'R-INQUIRY-WRITTEN': { name: 'Written inquiry: written reply within 2 days', due: 'written reply' },
    'R-SPECIAL-EVENT': { name: 'Special event: written report within 24 hours', due: 'written report' },
    'R-FOLLOWUP': { name: 'Follow-up call', due: 'call the resident back' },
  },
  levels: { pending: 'running', warn: 'due soon', due: 'due', overdue: 'overdue' },
  escalateTo: { supervisor: 'supervisor', manager: 'manager' },
  pauseReasons: { resident: 'waiting for the resident', parts: 'waiting for parts', other: 'other reason' },
};
