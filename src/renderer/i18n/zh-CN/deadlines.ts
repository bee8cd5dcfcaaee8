// Issue 15: the rulebook's clocks (deadlines), their alarms, the tuning and the alarm station.
// Rule names and what is due use the rulebook's words (domain.md).
export const deadlines = {
  rules: {
    'R-REPLY-5MIN': { name: '5分钟内答复', due: '答复住户' },
    'R-REPAIR-ORDER-5MIN': { name: '5分钟内开维修单', due: '开出维修单' },
    'R-REPAIR-URGENT-15MIN': { name: '紧急维修15分钟到场', due: '维修人员到场' },
    'R-REPAIR-APPOINTMENT': { name: '按约定时间维修', due: '按约定时间完成维修' },
    'R-REPAIR-CHASE': { name: '维修催办', due: '维修单回单' },
    'R-MEDICAL-REPORT': { name: '重大急救上报主管', due: '报告主管' },
    'R-REPAIR-MAJOR': { name: '重大维修上报经理', due: '报告经理' },
    'R-COMPLAINT-MAJOR': { name: '重大投诉上报经理', due: '报告经理' },
    'R-COMPLAINT-CONTACT': { name: '投诉限期解决', due: '解决投诉' },
    'R-INQUIRY-WRITTEN': { name: '书面咨询2天内书面答复', due: '书面答复' },
    'R-SPECIAL-EVENT': { name: '特别事件24小时内书面报告', due: '书面报告' },
    'R-FOLLOWUP': { name: '回访', due: '回访住户' },
  },
  levels: { pending: '计时中', warn: '即将到期', due: '到期', overdue: '已超时' },
  escalateTo: { supervisor: '主管', manager: '经理' },
  pauseReasons: { resident: '等待住户', parts: '等待配件', other: '其他原因' },
} as const;
